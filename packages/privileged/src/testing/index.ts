/**
 * `@felhom/privileged/testing`: a recording runner for consumers' tests.
 *
 * @packageDocumentation
 */
export {};
