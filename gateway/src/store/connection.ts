import mongoose from 'mongoose';

/**
 * The read store: FerretDB (MongoDB wire protocol over SQLite) by default, a real MongoDB when
 * MONGODB_URI says so. Only portable features are used (no transactions, no change streams).
 */
export async function connectStore(uri: string): Promise<mongoose.Connection> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 });
  await connection.asPromise();
  return connection;
}

