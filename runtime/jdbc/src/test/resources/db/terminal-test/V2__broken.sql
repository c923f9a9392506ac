INSERT INTO notes (text) VALUES ('applied, then rolled back');
INSERT INTO no_such_table VALUES (1);
