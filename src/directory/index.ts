// The directory engine: read → validate → upsert with a diff → group chats; export.
export { readDirectoryFile, readDirectoryFiles, fromJson, type RawDirectory } from './read';
export { importDirectory, type ImportResult } from './import';
export { exportDirectory, writeDirectoryXlsx, type DirectoryJson } from './export';
export { ensureGroupChats, refreshGroupMembers, type EnsureResult } from './groups';
export { formatDiff, changedRows, type DirectoryDiff } from './diff';
export { loadDemoDirectory, demoDirectory } from './demo';
