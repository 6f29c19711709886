// The error for a mistake in how opmodel was called (a bad flag, a revision git does not know):
// the CLI prints its message and hint and exits 2. Thrown by commands and the helpers they call.

/** A mistake in how a command was called: exit 2 with the message and a hint. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
