"""The warm-station registry (暖心驿站): its declaration (:mod:`.fields`), rules (:mod:`.rules`, pure), use
cases (:mod:`.cases`: ``from db.stations import cases``) and what its spreadsheets add (:mod:`.tabular`)."""
