/**
 * `@felhom/privileged/testing`: a recording runner for consumers' tests.
 *
 * @packageDocumentation
 */
export {
  type CommandMatcher,
  type RecordedCall,
  RecordingRunner,
  type RecordingRunnerOptions,
  type ScriptedReply,
} from './recording-runner.js';
