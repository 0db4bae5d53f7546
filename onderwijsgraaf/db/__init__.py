"""The database: models, engine and sessions, migrations, and the content digest."""
