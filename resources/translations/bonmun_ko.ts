<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About Bonmun</source>
      <translation>본문 정보</translation>
    </message>
    <message>
      <source>Read, clean, highlight and code Korean news articles.</source>
      <translation>한국어 뉴스 기사를 읽고, 정리하고, 하이라이트하고, 코딩합니다.</translation>
    </message>
    <message>
      <source>Released under the MIT licence.</source>
      <translation>MIT 라이선스로 배포됩니다.</translation>
    </message>
    <message>
      <source>Korean analysis by Kiwi (kiwipiepy, LGPL). Interface: Qt %s (LGPL) through PySide6.</source>
      <translation>한국어 분석: Kiwi (kiwipiepy, LGPL). 인터페이스: PySide6를 통한 Qt %s (LGPL).</translation>
    </message>
    <message>
      <source>Font: NanumGothic by NAVER, under the SIL Open Font License 1.1 (below).</source>
      <translation>글꼴: 네이버 나눔고딕, SIL Open Font License 1.1 (아래 참조).</translation>
    </message>
  </context>
  <context>
    <name>Annotator</name>
    <message>
      <source>No tag has the shortcut %d (set one in the codebook)</source>
      <translation>단축키 %d인 태그가 없습니다 (코드북에서 지정하세요)</translation>
    </message>
    <message>
      <source>Select some text first</source>
      <translation>먼저 텍스트를 선택하세요</translation>
    </message>
    <message>
      <source>Korean analyzer not ready yet: snapped to whole words</source>
      <translation>한국어 분석기가 아직 준비되지 않아 어절 단위로 맞췄습니다</translation>
    </message>
    <message>
      <source>Nothing to highlight in the selection</source>
      <translation>선택 영역에 하이라이트할 내용이 없습니다</translation>
    </message>
    <message>
      <source>This highlight already has that tag</source>
      <translation>이 하이라이트에는 이미 그 태그가 있습니다</translation>
    </message>
    <message>
      <source>Highlight with</source>
      <translation>하이라이트 태그</translation>
    </message>
    <message>
      <source>Choose tag…</source>
      <translation>태그 선택…</translation>
    </message>
    <message>
      <source>Highlight “%s”</source>
      <translation>하이라이트 “%s”</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>복사</translation>
    </message>
    <message>
      <source>Add tag</source>
      <translation>태그 추가</translation>
    </message>
    <message>
      <source>Remove tag</source>
      <translation>태그 제거</translation>
    </message>
    <message>
      <source>Edit note…</source>
      <translation>메모 편집…</translation>
    </message>
    <message>
      <source>Delete highlight</source>
      <translation>하이라이트 삭제</translation>
    </message>
    <message>
      <source>Highlight note</source>
      <translation>하이라이트 메모</translation>
    </message>
    <message>
      <source>Note for “%s”:</source>
      <translation>“%s”에 대한 메모:</translation>
    </message>
    <message>
      <source>Restore this line to the body</source>
      <translation>이 줄을 본문으로 복원</translation>
    </message>
    <message>
      <source>Remove this line from the body</source>
      <translation>이 줄을 본문에서 제거</translation>
    </message>
    <message>
      <source>Undo my change to this line</source>
      <translation>이 줄에 대한 내 변경 취소</translation>
    </message>
    <message>
      <source>Remove this paragraph from the body</source>
      <translation>이 문단을 본문에서 제거</translation>
    </message>
    <message>
      <source>Updating the body…</source>
      <translation>본문을 갱신하는 중…</translation>
    </message>
    <message>
      <source>Cannot change the line: %s</source>
      <translation>줄을 바꿀 수 없습니다: %s</translation>
    </message>
    <message>
      <source>Body updated; highlights re-anchored</source>
      <translation>본문을 갱신하고 하이라이트 위치를 다시 맞췄습니다</translation>
    </message>
  </context>
  <context>
    <name>AppContext</name>
    <message>
      <source>Highlight</source>
      <translation>하이라이트</translation>
    </message>
    <message>
      <source>Delete highlight</source>
      <translation>하이라이트 삭제</translation>
    </message>
    <message>
      <source>Add tag</source>
      <translation>태그 추가</translation>
    </message>
    <message>
      <source>Remove tag</source>
      <translation>태그 제거</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>메모 편집</translation>
    </message>
    <message>
      <source>New tag</source>
      <translation>새 태그</translation>
    </message>
    <message>
      <source>Edit tag</source>
      <translation>태그 편집</translation>
    </message>
    <message>
      <source>Move tag</source>
      <translation>태그 이동</translation>
    </message>
    <message>
      <source>Delete tag</source>
      <translation>태그 삭제</translation>
    </message>
    <message>
      <source>Merge tags</source>
      <translation>태그 병합</translation>
    </message>
  </context>
  <context>
    <name>CodebookDock</name>
    <message>
      <source>Codebook</source>
      <translation>코드북</translation>
    </message>
    <message>
      <source>Add tag</source>
      <translation>태그 추가</translation>
    </message>
    <message>
      <source>Add a top-level tag</source>
      <translation>최상위 태그 추가</translation>
    </message>
    <message>
      <source>Add sub-tag</source>
      <translation>하위 태그 추가</translation>
    </message>
    <message>
      <source>Add a tag under the selected one</source>
      <translation>선택한 태그 아래에 태그 추가</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>편집…</translation>
    </message>
    <message>
      <source>Colour…</source>
      <translation>색상…</translation>
    </message>
    <message>
      <source>Merge into…</source>
      <translation>다른 태그로 병합…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>삭제…</translation>
    </message>
    <message>
      <source>Show articles with this tag</source>
      <translation>이 태그가 있는 기사 보기</translation>
    </message>
    <message>
      <source>Code all matches…</source>
      <translation>일치하는 모든 구절 코딩…</translation>
    </message>
    <message>
      <source>Suggest passages in all articles from the tag's rules</source>
      <translation>태그 규칙으로 모든 기사에서 구절 제안</translation>
    </message>
    <message>
      <source>Code matches in this article…</source>
      <translation>이 기사의 일치 구절 코딩…</translation>
    </message>
    <message>
      <source>New tag</source>
      <translation>새 태그</translation>
    </message>
    <message>
      <source>Colour of “%s”</source>
      <translation>“%s”의 색상</translation>
    </message>
    <message>
      <source>Merged “%s” into “%s”: %d highlights re-tagged</source>
      <translation>“%s”을(를) “%s”(으)로 병합: 하이라이트 %d개의 태그 변경</translation>
    </message>
    <message>
      <source>Delete the tag “%s”?</source>
      <translation>태그 “%s”을(를) 삭제할까요?</translation>
    </message>
    <message>
      <source>Its %d sub-tags are deleted too.</source>
      <translation>하위 태그 %d개도 함께 삭제됩니다.</translation>
    </message>
    <message>
      <source>%d highlights lose this tag (the highlights themselves stay).</source>
      <translation>하이라이트 %d개에서 이 태그가 빠집니다 (하이라이트는 남습니다).</translation>
    </message>
    <message>
      <source>You can undo this with Ctrl+Z.</source>
      <translation>Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
      <source>Delete tag</source>
      <translation>태그 삭제</translation>
    </message>
    <message>
      <source>Looking for “%s” passages…</source>
      <translation>“%s” 구절을 찾는 중…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
    <message>
      <source>Suggestions failed: %s</source>
      <translation>제안 실패: %s</translation>
    </message>
    <message>
      <source>No new passages match the rules of “%s”</source>
      <translation>“%s” 규칙과 일치하는 새 구절이 없습니다</translation>
    </message>
    <message>
      <source>Code %d passages with “%s”</source>
      <translation>구절 %d개를 “%s”(으)로 코딩</translation>
    </message>
    <message>
      <source>Highlighted %d passages with “%s”</source>
      <translation>구절 %d개를 “%s”(으)로 하이라이트했습니다</translation>
    </message>
  </context>
  <context>
    <name>CodebookModel</name>
    <message>
      <source>Tag</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>키</translation>
    </message>
    <message>
      <source>Uses</source>
      <translation>사용</translation>
    </message>
    <message>
      <source>Keyboard shortcut that applies the tag</source>
      <translation>태그를 적용하는 단축키</translation>
    </message>
    <message>
      <source>Highlights coded with this tag (double-click: list its articles)</source>
      <translation>이 태그로 코딩된 하이라이트 (더블클릭: 해당 기사 목록)</translation>
    </message>
    <message>
      <source>Rules: %s</source>
      <translation>규칙: %s</translation>
    </message>
    <message>
      <source>%d highlights (%d with sub-tags)</source>
      <translation>하이라이트 %d개 (하위 태그 포함 %d개)</translation>
    </message>
  </context>
  <context>
    <name>ColorButton</name>
    <message>
      <source>Tag colour</source>
      <translation>태그 색상</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export</source>
      <translation>내보내기</translation>
    </message>
    <message>
      <source>All tags</source>
      <translation>모든 태그</translation>
    </message>
    <message>
      <source>Only the article in the reader</source>
      <translation>본문 창의 기사만</translation>
    </message>
    <message>
      <source>One row per highlight (tags joined)</source>
      <translation>하이라이트마다 한 행 (태그 합침)</translation>
    </message>
    <message>
      <source>Keep formula-like cells as they are (unsafe in Excel)</source>
      <translation>수식처럼 보이는 셀을 그대로 두기 (Excel에서 안전하지 않음)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>선택…</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>형식</translation>
    </message>
    <message>
      <source>Tag</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>Published since</source>
      <translation>발행일 시작</translation>
    </message>
    <message>
      <source>Published until</source>
      <translation>발행일 끝</translation>
    </message>
    <message>
      <source>Save to</source>
      <translation>저장 위치</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>내보낼 위치</translation>
    </message>
    <message numerus="yes">
      <source>%n highlight(s) match these filters</source>
      <translation>
        <numerusform>이 필터와 일치하는 하이라이트 %n개</numerusform>
      </translation>
    </message>
    <message>
      <source>Choose where to save the export.</source>
      <translation>내보낼 파일을 저장할 위치를 선택하세요.</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>내보내는 중…</translation>
    </message>
    <message>
      <source>Exported %1 items to %2</source>
      <translation>%1개 항목을 %2(으)로 내보냈습니다</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>내보내기 실패</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>Search articles (Korean words find their inflected forms)</source>
      <translation>기사 검색 (한국어 단어는 활용형까지 찾습니다)</translation>
    </message>
    <message>
      <source>since</source>
      <translation>시작일</translation>
    </message>
    <message>
      <source>until</source>
      <translation>종료일</translation>
    </message>
    <message>
      <source>Has highlights</source>
      <translation>하이라이트 있음</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>지우기</translation>
    </message>
    <message>
      <source>Clear all filters</source>
      <translation>모든 필터 지우기</translation>
    </message>
    <message>
      <source>Publication date bound (the leftmost value means no bound)</source>
      <translation>발행일 범위 (가장 이른 값은 제한 없음)</translation>
    </message>
    <message>
      <source>All outlets</source>
      <translation>모든 언론사</translation>
    </message>
    <message>
      <source>All tags</source>
      <translation>모든 태그</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Find in article (Korean words match their inflected forms)</source>
      <translation>기사에서 찾기 (한국어 단어는 활용형까지 찾습니다)</translation>
    </message>
    <message>
      <source>Previous match (Shift+Enter)</source>
      <translation>이전 결과 (Shift+Enter)</translation>
    </message>
    <message>
      <source>Next match (Enter)</source>
      <translation>다음 결과 (Enter)</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>닫기 (Esc)</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1/%2</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>찾을 수 없음</translation>
    </message>
  </context>
  <context>
    <name>HighlightRow</name>
    <message>
      <source>Orphaned: this passage is no longer in the article text (the text was re-cleaned). The stored quote is shown.</source>
      <translation>고아 하이라이트: 이 구절은 더 이상 기사 본문에 없습니다 (본문이 다시 정리됨). 저장된 인용문을 표시합니다.</translation>
    </message>
    <message>
      <source>no tag</source>
      <translation>태그 없음</translation>
    </message>
  </context>
  <context>
    <name>HighlightsDock</name>
    <message>
      <source>Highlights</source>
      <translation>하이라이트</translation>
    </message>
    <message>
      <source>No highlights yet. Select text in the article and press a tag's key (or Ctrl+T) to highlight it.</source>
      <translation>아직 하이라이트가 없습니다. 기사에서 텍스트를 선택하고 태그 키(또는 Ctrl+T)를 누르세요.</translation>
    </message>
    <message>
      <source>%d highlights</source>
      <translation>하이라이트 %d개</translation>
    </message>
    <message>
      <source>%d orphaned</source>
      <translation>고아 %d개</translation>
    </message>
    <message>
      <source>No article selected</source>
      <translation>선택한 기사가 없습니다</translation>
    </message>
    <message>
      <source>Choose an article to see its highlights.</source>
      <translation>기사를 선택하면 하이라이트가 표시됩니다.</translation>
    </message>
    <message>
      <source>Delete %d highlights</source>
      <translation>하이라이트 %d개 삭제</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>Import report</source>
      <translation>가져오기 보고서</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>결과</translation>
    </message>
    <message>
      <source>File</source>
      <translation>파일</translation>
    </message>
    <message>
      <source>Title or reason</source>
      <translation>제목 또는 사유</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>실패</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>중복</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>가져옴</translation>
    </message>
    <message>
      <source>Copy report</source>
      <translation>보고서 복사</translation>
    </message>
  </context>
  <context>
    <name>ImportRunner</name>
    <message>
      <source>%d imported</source>
      <translation>%d개 가져옴</translation>
    </message>
    <message>
      <source>%d already in the library</source>
      <translation>%d개는 이미 라이브러리에 있음</translation>
    </message>
    <message>
      <source>%d failed</source>
      <translation>%d개 실패</translation>
    </message>
    <message>
      <source>(cancelled after %d of %d files)</source>
      <translation>(%d/%d개 파일 후 취소됨)</translation>
    </message>
    <message>
      <source>The clipboard holds no text to import</source>
      <translation>클립보드에 가져올 텍스트가 없습니다</translation>
    </message>
    <message>
      <source>Importing from the clipboard…</source>
      <translation>클립보드에서 가져오는 중…</translation>
    </message>
    <message>
      <source>Starting the import…</source>
      <translation>가져오기를 시작하는 중…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>가져오는 중</translation>
    </message>
    <message>
      <source>Imported %d files: %s</source>
      <translation>파일 %d개 가져옴: %s</translation>
    </message>
    <message>
      <source>cannot start the import: %s</source>
      <translation>가져오기를 시작할 수 없습니다: %s</translation>
    </message>
    <message>
      <source>the import stopped (exit code %d)</source>
      <translation>가져오기가 중단되었습니다 (종료 코드 %d)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Statistics…</source>
      <translation>통계…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <source>New library…</source>
      <translation>새 라이브러리…</translation>
    </message>
    <message>
      <source>Open library…</source>
      <translation>라이브러리 열기…</translation>
    </message>
    <message>
      <source>Recent libraries</source>
      <translation>최근 라이브러리</translation>
    </message>
    <message>
      <source>Import files…</source>
      <translation>파일 가져오기…</translation>
    </message>
    <message>
      <source>Import folder…</source>
      <translation>폴더 가져오기…</translation>
    </message>
    <message>
      <source>Paste as article</source>
      <translation>기사로 붙여넣기</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>내보내기…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>끝내기</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>실행 취소</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>다시 실행</translation>
    </message>
    <message>
      <source>Tag palette…</source>
      <translation>태그 팔레트…</translation>
    </message>
    <message>
      <source>Search articles</source>
      <translation>기사 검색</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <source>Switch between list and reader</source>
      <translation>목록과 본문 사이 이동</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>도구(&amp;T)</translation>
    </message>
    <message>
      <source>Clear article filters</source>
      <translation>기사 필터 지우기</translation>
    </message>
    <message>
      <source>Restart Korean analyzer</source>
      <translation>한국어 분석기 다시 시작</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <source>About Bonmun</source>
      <translation>본문 정보</translation>
    </message>
    <message>
      <source>About Qt</source>
      <translation>Qt 정보</translation>
    </message>
    <message>
      <source>Open library</source>
      <translation>라이브러리 열기</translation>
    </message>
    <message>
      <source>The library file no longer exists: %s</source>
      <translation>라이브러리 파일이 더 이상 없습니다: %s</translation>
    </message>
    <message>
      <source>New library</source>
      <translation>새 라이브러리</translation>
    </message>
    <message>
      <source>That file exists already; use Open library to open it.</source>
      <translation>이미 있는 파일입니다. 라이브러리 열기로 여세요.</translation>
    </message>
    <message>
      <source>(none yet)</source>
      <translation>(아직 없음)</translation>
    </message>
    <message>
      <source>Import articles</source>
      <translation>기사 가져오기</translation>
    </message>
    <message>
      <source>News pages and text (*.html *.htm *.txt *.md *.mhtml);;All files (*)</source>
      <translation>뉴스 페이지와 텍스트 (*.html *.htm *.txt *.md *.mhtml);;모든 파일 (*)</translation>
    </message>
    <message>
      <source>Import a folder of articles</source>
      <translation>기사 폴더 가져오기</translation>
    </message>
    <message>
      <source>The clipboard holds no text to import</source>
      <translation>클립보드에 가져올 텍스트가 없습니다</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>언론사</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>날짜</translation>
    </message>
    <message>
      <source>Highlights</source>
      <translation>하이라이트</translation>
    </message>
    <message>
      <source>Korean search failed (%s); showing plain text matches</source>
      <translation>한국어 검색 실패 (%s): 단순 문자열 일치 결과를 표시합니다</translation>
    </message>
    <message>
      <source>%1 of %2 articles</source>
      <translation>기사 %2개 중 %1개</translation>
    </message>
    <message>
      <source>%1 articles</source>
      <translation>기사 %1개</translation>
    </message>
    <message>
      <source>%1 highlights in this article</source>
      <translation>이 기사의 하이라이트 %1개</translation>
    </message>
  </context>
  <context>
    <name>MergeTagDialog</name>
    <message>
      <source>Merge tag</source>
      <translation>태그 병합</translation>
    </message>
    <message>
      <source>Merge “%s” into:</source>
      <translation>“%s”을(를) 병합할 태그:</translation>
    </message>
    <message>
      <source>%d highlights will be tagged with the chosen tag. “%s” will be deleted</source>
      <translation>하이라이트 %d개에 선택한 태그가 붙습니다. “%s”은(는) 삭제됩니다</translation>
    </message>
    <message>
      <source>, with its %d sub-tags</source>
      <translation> (하위 태그 %d개 포함)</translation>
    </message>
    <message>
      <source>. You can undo this.</source>
      <translation>. 되돌릴 수 있습니다.</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>병합</translation>
    </message>
  </context>
  <context>
    <name>NoteEdit</name>
    <message>
      <source>Add a note…</source>
      <translation>메모 추가…</translation>
    </message>
  </context>
  <context>
    <name>OrphanBanner</name>
    <message numerus="yes">
      <source>%n highlight(s) could not be re-anchored: their text is no longer in the body.</source>
      <translation>
        <numerusform>하이라이트 %n개의 위치를 다시 맞추지 못했습니다: 해당 텍스트가 더 이상 본문에 없습니다.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… 외 %n개</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>QFrame</name>
    <message>
      <source>Remove this tag from the highlight</source>
      <translation>하이라이트에서 이 태그 제거</translation>
    </message>
  </context>
  <context>
    <name>ReaderHeader</name>
    <message>
      <source>No article selected</source>
      <translation>선택한 기사가 없습니다</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(제목 없음)</translation>
    </message>
    <message>
      <source>No outlet, reporter or date found</source>
      <translation>언론사, 기자, 날짜를 찾지 못했습니다</translation>
    </message>
    <message>
      <source>Opens in your web browser</source>
      <translation>웹 브라우저에서 열립니다</translation>
    </message>
  </context>
  <context>
    <name>ReaderView</name>
    <message>
      <source>Show removed text</source>
      <translation>제거된 텍스트 보기</translation>
    </message>
    <message>
      <source>Show the lines the cleaner removed, with the reason (Ctrl+Shift+R)</source>
      <translation>정리 과정에서 제거된 줄을 사유와 함께 표시 (Ctrl+Shift+R)</translation>
    </message>
    <message>
      <source>Larger text</source>
      <translation>글자 크게</translation>
    </message>
    <message>
      <source>Smaller text</source>
      <translation>글자 작게</translation>
    </message>
    <message>
      <source>Normal text size</source>
      <translation>기본 글자 크기</translation>
    </message>
    <message>
      <source>Find in article…</source>
      <translation>기사에서 찾기…</translation>
    </message>
    <message>
      <source>Choose an article on the left, or import news with File ▸ Import files… (Ctrl+O) or paste copied text with Ctrl+Shift+V.</source>
      <translation>왼쪽에서 기사를 선택하거나, 파일 ▸ 파일 가져오기…(Ctrl+O)로 뉴스를 가져오거나, 복사한 텍스트를 Ctrl+Shift+V로 붙여넣으세요.</translation>
    </message>
    <message>
      <source>Removed: %s. Right-click to restore this line.</source>
      <translation>제거됨: %s. 오른쪽 클릭으로 이 줄을 복원할 수 있습니다.</translation>
    </message>
    <message>
      <source>(no tag)</source>
      <translation>(태그 없음)</translation>
    </message>
  </context>
  <context>
    <name>SegmentLoader</name>
    <message>
      <source>Loading the removed text…</source>
      <translation>제거된 텍스트를 불러오는 중…</translation>
    </message>
    <message>
      <source>unexpected answer</source>
      <translation>예상하지 못한 응답</translation>
    </message>
    <message>
      <source>Cannot show the removed text: %s</source>
      <translation>제거된 텍스트를 표시할 수 없습니다: %s</translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) removed by the cleaner</source>
      <translation>
        <numerusform>정리 과정에서 제거된 줄 %n개</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuggestionDialog</name>
    <message>
      <source>Code all matches: %s</source>
      <translation>일치하는 모든 구절 코딩: %s</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>기사</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>구절</translation>
    </message>
    <message>
      <source>Words</source>
      <translation>단어</translation>
    </message>
    <message>
      <source>Sentences with at least</source>
      <translation>최소</translation>
    </message>
    <message>
      <source>different rule words</source>
      <translation>개의 서로 다른 규칙 단어가 있는 문장</translation>
    </message>
    <message>
      <source>Check all</source>
      <translation>모두 선택</translation>
    </message>
    <message>
      <source>Check none</source>
      <translation>모두 해제</translation>
    </message>
    <message>
      <source>%d passages will be highlighted (one undo step).</source>
      <translation>구절 %d개가 하이라이트됩니다 (한 번에 되돌릴 수 있음).</translation>
    </message>
    <message>
      <source>Highlight %d</source>
      <translation>%d개 하이라이트</translation>
    </message>
  </context>
  <context>
    <name>TagEditDialog</name>
    <message>
      <source>Edit tag</source>
      <translation>태그 편집</translation>
    </message>
    <message>
      <source>e.g. 반도체, 파운드리, 팹리스</source>
      <translation>예: 반도체, 파운드리, 팹리스</translation>
    </message>
    <message>
      <source>Words separated by commas. “Code all matches…” suggests sentences that contain them in any inflected form (정부는, 정부가 → 정부).</source>
      <translation>쉼표로 구분한 단어. “일치하는 모든 구절 코딩…”은 이 단어가 어떤 활용형으로든 들어간 문장을 제안합니다 (정부는, 정부가 → 정부).</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>색상</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>설명</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>단축키</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>규칙</translation>
    </message>
  </context>
  <context>
    <name>TagPalette</name>
    <message>
      <source>Type to find a tag…</source>
      <translation>태그를 찾으려면 입력하세요…</translation>
    </message>
    <message>
      <source>↑↓ choose · Enter apply · Esc close</source>
      <translation>↑↓ 선택 · Enter 적용 · Esc 닫기</translation>
    </message>
  </context>
  <context>
    <name>WorkerClient</name>
    <message>
      <source>the Korean analyzer was stopped</source>
      <translation>한국어 분석기가 중지되었습니다</translation>
    </message>
    <message>
      <source>Korean analyzer loading…</source>
      <translation>한국어 분석기를 불러오는 중…</translation>
    </message>
    <message>
      <source>the Korean analyzer stopped</source>
      <translation>한국어 분석기가 멈췄습니다</translation>
    </message>
    <message>
      <source>Korean analyzer ready</source>
      <translation>한국어 분석기 준비됨</translation>
    </message>
    <message>
      <source>cannot start the Korean analyzer: %s</source>
      <translation>한국어 분석기를 시작할 수 없습니다: %s</translation>
    </message>
    <message>
      <source>exit code %d</source>
      <translation>종료 코드 %d</translation>
    </message>
    <message>
      <source>the Korean analyzer keeps stopping: %s</source>
      <translation>한국어 분석기가 계속 멈춥니다: %s</translation>
    </message>
    <message>
      <source>the Korean analyzer stopped: %s</source>
      <translation>한국어 분석기가 멈췄습니다: %s</translation>
    </message>
    <message>
      <source>Korean analyzer stopped; restarting…</source>
      <translation>한국어 분석기가 멈춰 다시 시작하는 중…</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Bonmun</source>
      <translation>본문</translation>
    </message>
    <message>
      <source>Cannot open the library: %s</source>
      <translation>라이브러리를 열 수 없습니다: %s</translation>
    </message>
  </context>
  <context>
    <name>reason</name>
    <message>
      <source>portal menu</source>
      <translation>포털 메뉴</translation>
    </message>
    <message>
      <source>advertisement</source>
      <translation>광고</translation>
    </message>
    <message>
      <source>share / print buttons</source>
      <translation>공유/인쇄 버튼</translation>
    </message>
    <message>
      <source>related news</source>
      <translation>관련 기사</translation>
    </message>
    <message>
      <source>byline / date</source>
      <translation>기자명/날짜</translation>
    </message>
    <message>
      <source>reporter sign-off</source>
      <translation>기자 서명</translation>
    </message>
    <message>
      <source>copyright</source>
      <translation>저작권</translation>
    </message>
    <message>
      <source>photo caption</source>
      <translation>사진 설명</translation>
    </message>
    <message>
      <source>duplicate</source>
      <translation>중복</translation>
    </message>
    <message>
      <source>title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>comments</source>
      <translation>댓글</translation>
    </message>
    <message>
      <source>promotion link</source>
      <translation>홍보 링크</translation>
    </message>
    <message>
      <source>not body text</source>
      <translation>본문 아님</translation>
    </message>
    <message>
      <source>removed by you</source>
      <translation>내가 제거함</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>제거됨</translation>
    </message>
  </context>
  <context>
    <name>ReaderSuggestions</name>
    <message>
      <source>Show tag suggestions</source>
      <translation>태그 제안 표시</translation>
    </message>
    <message>
      <source>Mark sentences whose words match a tag's rules (Ctrl+J: next)</source>
      <translation>태그 규칙의 단어와 맞는 문장을 표시합니다 (Ctrl+J: 다음)</translation>
    </message>
    <message>
      <source>Next tag suggestion</source>
      <translation>다음 태그 제안</translation>
    </message>
    <message>
      <source>unexpected answer</source>
      <translation>예상하지 못한 응답</translation>
    </message>
    <message>
      <source>Cannot suggest tags: %s</source>
      <translation>태그를 제안할 수 없습니다: %s</translation>
    </message>
    <message>
      <source>Suggested: %s (matched: %s) — Enter accepts, Backspace dismisses</source>
      <translation>제안: %s (일치: %s) — Enter 수락, Backspace 무시</translation>
    </message>
    <message>
      <source>Tag suggestions are off (View ▸ Show tag suggestions)</source>
      <translation>태그 제안이 꺼져 있습니다 (보기 ▸ 태그 제안 표시)</translation>
    </message>
    <message>
      <source>No tag suggestions in this article</source>
      <translation>이 기사에는 태그 제안이 없습니다</translation>
    </message>
    <message>
      <source>Suggestion dismissed</source>
      <translation>제안을 무시했습니다</translation>
    </message>
  </context>
  <context>
    <name>StatsDialog</name>
    <message>
      <source>Statistics</source>
      <translation>통계</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>This article</source>
      <translation>이 기사</translation>
    </message>
    <message>
      <source>Choose a tag to see the words of its highlights.</source>
      <translation>태그를 고르면 그 하이라이트의 단어를 보여 줍니다.</translation>
    </message>
    <message>
      <source>Words are counted by their dictionary form: 정부는 and 정부가 count as 정부.</source>
      <translation>단어는 기본형으로 셉니다: ‘정부는’과 ‘정부가’는 모두 ‘정부’로 셉니다.</translation>
    </message>
    <message>
      <source>Lemma</source>
      <translation>기본형</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>빈도</translation>
    </message>
    <message>
      <source>No highlights have this tag yet.</source>
      <translation>아직 이 태그가 붙은 하이라이트가 없습니다.</translation>
    </message>
    <message>
      <source>Most frequent nouns and verbs in 1 highlight:</source>
      <translation>하이라이트 1개에서 가장 많이 나온 명사와 동사:</translation>
    </message>
    <message>
      <source>Most frequent nouns and verbs in %d highlights:</source>
      <translation>하이라이트 %d개에서 가장 많이 나온 명사와 동사:</translation>
    </message>
    <message>
      <source>Keyword</source>
      <translation>키워드</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>점수</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>키워드</translation>
    </message>
    <message>
      <source>Most frequent words</source>
      <translation>자주 나온 단어</translation>
    </message>
    <message>
      <source>Open an article in the reader to see its keywords.</source>
      <translation>읽기 창에서 기사를 열면 키워드를 보여 줍니다.</translation>
    </message>
    <message>
      <source>Cannot compute statistics: %s</source>
      <translation>통계를 계산할 수 없습니다: %s</translation>
    </message>
    <message>
      <source>unexpected answer</source>
      <translation>예상하지 못한 응답</translation>
    </message>
    <message>
      <source>Keywords and most frequent words of “%s”:</source>
      <translation>“%s”의 키워드와 자주 나온 단어:</translation>
    </message>
    <message>
      <source>Analysing…</source>
      <translation>분석 중…</translation>
    </message>
    <message>
      <source>Korean analyzer loading…</source>
      <translation>한국어 분석기 불러오는 중…</translation>
    </message>
  </context>
</TS>
