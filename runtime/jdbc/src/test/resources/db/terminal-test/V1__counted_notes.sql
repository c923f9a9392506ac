-- A script the old line-based runner cut in the wrong places: a trigger body and a string
-- literal both hold lines that end in ';'.
CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE note_count (n INTEGER NOT NULL);
INSERT INTO note_count VALUES (0);
CREATE TRIGGER count_notes AFTER INSERT ON notes
BEGIN
    UPDATE note_count SET n = n + 1;
END;
INSERT INTO notes (text) VALUES ('first line;
second line;');
