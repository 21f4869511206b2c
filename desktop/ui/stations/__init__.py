"""The warm-station registry tab (暖心驿站): table, filters and the station form, with room for more panels."""
