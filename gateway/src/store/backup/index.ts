/** Backup and restore of the primary data (the `primary_` collections and the gateway's data folder): see README, "Backup and restore". */
export type { CollectionProgress } from './collectionProgress';
export { dataFolderFiles } from './dataFolder';
export { BACKUP_FORMAT_VERSION, MANIFEST_FILE, readManifest, redactStoreUri, verifyBackup, type BackupManifest, type ManifestMismatch } from './manifest';
export { restoreBackup, RESTORE_BATCH_DOCUMENTS, type RestoreRequest, type RestoreSummary } from './restoreBackup';
export { writeBackup, type BackupRequest } from './writeBackup';
