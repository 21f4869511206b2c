"""The member registry tab (会员): table, search and the member form."""
