"""The 同步 tab: this office's keys, the peer offices and where the exchange with each stands, batches in and
out (import by file dialog or drag and drop, export to a folder), handover receipts, and open conflicts."""
