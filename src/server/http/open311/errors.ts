/** An error answered in the Open311 shape `[{code, description}]` with this HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }
}

export const badRequest = (...descriptions: string[]) => new Open311Error(400, descriptions);
export const notFound = (description: string) => new Open311Error(404, [description]);
export const forbidden = (description: string) => new Open311Error(403, [description]);
