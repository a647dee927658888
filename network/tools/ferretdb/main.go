// Command ferretdb runs FerretDB, with its SQLite backend, as traceledger's default MongoDB-wire read store.
//
// It embeds FerretDB through its public `ferretdb` package instead of building FerretDB's own command:
// that command refuses to start unless it is built from FerretDB's git checkout with generated version
// files, which a build through the Go module proxy does not have.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "host:port for MongoDB wire protocol clients")
	sqliteURL := flag.String("sqlite-url", "file:data/", "folder for SQLite database files, as a file: URL ending in /")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("bad -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: *sqliteURL,
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	go keepIDIndexes(ctx, *sqliteURL, logger)

	logger.Info("ferretdb listening", "addr", *listen, "sqlite", *sqliteURL)
	if err := db.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
