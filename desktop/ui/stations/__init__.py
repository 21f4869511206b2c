"""The warm-station registry tab (暖心驿站): list, filters, the station form and its panels (台账, 检查, 评星)."""
