"""The warm-station registry (暖心驿站): its declaration (:mod:`.fields`) and what its spreadsheets add
(:mod:`.tabular`)."""
