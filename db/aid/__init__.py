"""The hardship-aid registry (困难职工帮扶): hardship files and payments — declaration (:mod:`.fields`), rules
(:mod:`.rules`) and what its spreadsheets add (:mod:`.tabular`)."""
