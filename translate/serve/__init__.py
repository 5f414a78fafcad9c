"""The review workstation (`inkuru serve`): a local web app over a project folder's SQLite store."""
