// What the Library section shows and can do, declared once: hooks/use-library.ts answers it,
// components/options take it as props (and never talk to the background themselves).
import type { TermListPatch, TermListSummary, UserDocPatch, UserDocSummary } from './core/library/schema.ts';
import type { FileLike } from './import/read-file.ts';

export type ListExportFormat = 'csv' | 'tbx' | 'yomitan';

export interface LibraryModel {
  data: { version: number; documents: UserDocSummary[]; termLists: TermListSummary[] } | undefined;
  loadError: string | undefined;
  reload(): void;
  progress: { label: string; fraction: number } | null;
  cancel(): void;
  errors: string[];
  notes: string[];
  importFiles(files: FileLike[]): Promise<void>;
  importPaste(title: string, text: string): Promise<boolean>;
  updateDocument(docId: string, patch: UserDocPatch): Promise<boolean>;
  deleteDocument(docId: string): Promise<void>;
  importTermList(file: FileLike, name: string, colour: number): Promise<boolean>;
  updateTermList(listId: string, patch: TermListPatch): Promise<boolean>;
  deleteTermList(listId: string): Promise<void>;
  exportTermList(listId: string, format: ListExportFormat): Promise<void>;
  exportLibrary(): Promise<void>;
  importBackup(file: FileLike, replace: boolean): Promise<void>;
}
