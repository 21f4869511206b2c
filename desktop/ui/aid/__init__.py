"""The 困难帮扶 tab: hardship files, their household, documents and workflow."""
