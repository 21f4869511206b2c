"""The warm-station registry tab (暖心驿站): list, filters, form, month grid."""
