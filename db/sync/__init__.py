"""Batch files, the only sync channel between offices (design §5).

* ``keys``: this office's key pairs (signing and receiving) and the public keys of the offices it trusts.
* ``batchfile``: the ``.ubatch`` format — writing, signing, sealing and verifying one batch file.
* ``export``: which rows go into the next batch to an office (delta or full), and the outbox.
* ``merge`` / ``merge_rows``: how verified batches land in this database — sequence, rev rule, conflicts —
  each batch in one transaction.
* ``settle``: the conflicts kept aside, side by side, and a person's decision (it travels home in the
  district's next batch to the owning office).
* ``overview``: where the exchange with each peer office stands (last batch, missing ones, open conflicts).
"""
