"""Batch files, the only sync channel between offices (design §5).

* ``keys``: this office's key pairs (signing and receiving) and the public keys of the offices it trusts.
* ``batchfile``: the ``.ubatch`` format — writing, signing, sealing and verifying one batch file.

Still to come: export (which rows go into a batch) and import/merge (how a batch lands in this database).
"""
