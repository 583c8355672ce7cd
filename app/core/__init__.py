"""Pure-Python domain logic: cleaning, Korean analysis, anchoring, export writers. No Qt, no Session."""
