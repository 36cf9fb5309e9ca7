// The parsed UPID is a record of the lowest floor (src/shapes/), where the errors that carry one
// can name it too; the UPID module offers it beside its parser and formatter.
export type { UPID } from '../shapes/upid.js';
