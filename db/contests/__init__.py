"""The skill-contest registry (职工技能竞赛): contests and their entrants — declaration (:mod:`.fields`), rules
of scoring, ranking and awards (:mod:`.rules`) and what its spreadsheets add (:mod:`.tabular`)."""
