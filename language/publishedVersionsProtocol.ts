// The Journey language server's own messages about published versions
// (R22). Publishing keeps each version's source beside the journey
// (published/<id>/<id>.v<N>.journey.json); the server checks a journey
// against it but reads no files itself, so that it works wherever the
// editor's files are (a local disk, a remote, VS Code for the Web's virtual
// file systems): it asks the client, which reads them through the editor's
// file system (src/publishedVersionsForServer.ts). Plain names and types
// only, so that the client can import them without the server library.

/** `initializationOptions.publishedVersions: true`: the client answers PUBLISHED_VERSIONS_REQUEST. */
export interface JourneyInitializationOptions {
  publishedVersions?: boolean;
}

/** Server -> client request: what is kept of the published versions of the journey `id` whose document is `uri`. */
export const PUBLISHED_VERSIONS_REQUEST = 'journeyDesigner/publishedVersions';

export interface PublishedVersionsParams {
  /** The journey document; its folder holds `published/<id>/`. */
  uri: string;
  id: string;
  /** The version whose source is wanted. */
  version: number;
}

/** The answer: every kept version number and, when `version` is kept, its source and where it is (null: nothing can be said). */
export interface PublishedVersionsResult {
  versions: number[];
  text?: string;
  location?: string;
}

/** Client -> server notification: a kept version was written, changed or deleted; what the server learnt is stale. */
export const PUBLISHED_VERSIONS_CHANGED_NOTIFICATION = 'journeyDesigner/publishedVersionsChanged';
