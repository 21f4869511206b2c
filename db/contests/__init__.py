"""The skill-contest registry (职工技能竞赛): contests and their entrants — declaration (:mod:`.fields`), rules
of scoring and of the fields (:mod:`.rules`), a contest's results by its scoring rule (:mod:`.ranking`) and
what its spreadsheets add (:mod:`.tabular`)."""
