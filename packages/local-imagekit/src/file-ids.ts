// ImageKit finds a file by the fileId its upload answered with; the local
// storage keeps that link in memory, for as long as the server (and its
// folder, removed on stop) lives.

/** Which stored file each fileId names. */
export class FileIds {
  private readonly pathById = new Map<string, string>();
  private readonly idByPath = new Map<string, string>();

  /** Links a new fileId to the file on disk; an older id for the same path (an overwrite) stops naming it. */
  remember(fileId: string, path: string): void {
    // Without this, deleting by the old id would remove the newer file.
    const previous = this.idByPath.get(path);
    if (previous !== undefined) this.pathById.delete(previous);
    this.pathById.set(fileId, path);
    this.idByPath.set(path, fileId);
  }

  /** Unlinks a fileId and gives back its file's path, or undefined for an id it does not know. */
  forget(fileId: string): string | undefined {
    const path = this.pathById.get(fileId);
    if (path === undefined) return undefined;
    this.pathById.delete(fileId);
    this.idByPath.delete(path);
    return path;
  }
}
