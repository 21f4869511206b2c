"""Printed paper (design §6): PDF forms drawn with reportlab on A4 with the embedded CJK font.

* :mod:`.fonts` — the shipped font, registered once with reportlab (embedded and subset in every PDF).
* :mod:`.forms` — the catalogue of forms by command-line name, and one ``render`` to call them.
* :mod:`.engine` — page furniture, ruled tables that flow across pages, signature lines, QR codes.
* one module per form (``member_form``, ``member_cards``, ``roster``, ``batch_receipt``).
"""
