/** An inbound photo or file as downloaded from WeCom (media/get, D6), before it becomes an attachment. */
export interface FetchedMedia {
  buffer: Buffer;
  contentType: string;
  filename?: string;
}
