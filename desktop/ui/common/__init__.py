"""What every registry tab is built from (design §2, §8): the registry tab, the table model over a declared
list, the record form built from declared fields with kind-driven editors, undo as recorded commands, and
the questions a form asks."""
