package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the driver FerretDB itself uses
)

// FerretDB 1.24's SQLite backend pushes `{_id: …}` filters, updates and deletes down as
// `_ferretdb_sjson->'$._id' = ?`, but creates its unique `_id` index on the expression
// `_ferretdb_sjson->"_id"`. SQLite only uses an index whose expression matches the query's, so every
// lookup, upsert and delete by `_id` scans its whole table. keepIDIndexes adds an index on the
// expression the queries use to every collection table, as soon as FerretDB creates the table, which
// turns those scans into index searches. FerretDB does not know about the index and does not need to:
// dropping the collection drops the table and the index with it.
func keepIDIndexes(ctx context.Context, sqliteURL string, logger *slog.Logger) {
	dir, err := folderOf(sqliteURL)
	if err != nil {
		logger.Error("id index keeper disabled", "error", err)
		return
	}
	open := map[string]*sql.DB{}
	defer func() {
		for _, db := range open {
			_ = db.Close()
		}
	}()
	ticker := time.NewTicker(300 * time.Millisecond)
	defer ticker.Stop()
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			db, ok := open[file]
			if !ok {
				db, err = sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
				if err != nil {
					logger.Warn("id index keeper cannot open", "file", file, "error", err)
					continue
				}
				db.SetMaxOpenConns(1)
				open[file] = db
			}
			if err := indexTables(ctx, db); err != nil && ctx.Err() == nil {
				logger.Debug("id index keeper", "file", file, "error", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// indexTables creates the missing `_id` expression indexes of one database file.
func indexTables(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT m.name FROM sqlite_master m
		WHERE m.type = 'table' AND m.name NOT LIKE '\_ferretdb\_%' ESCAPE '\' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND NOT EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type = 'index' AND i.tbl_name = m.name AND i.name = m.name || '__tl_id_lookup')`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			_ = rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	_ = rows.Close()
	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+"__tl_id_lookup", table)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}

// folderOf turns FerretDB's `file:<folder>/?…` SQLite URL into the folder path.
func folderOf(sqliteURL string) (string, error) {
	u, err := url.Parse(sqliteURL)
	if err != nil {
		return "", err
	}
	p := u.Opaque
	if p == "" {
		p = u.Path
	}
	if !strings.HasSuffix(p, "/") {
		return "", fmt.Errorf("sqlite url %q does not name a folder", sqliteURL)
	}
	return filepath.Clean(p), nil
}
