import * as v from 'valibot';
import { versionShape } from '../shapes/version.js';
import { shapeSchema } from './shape-schema.js';

/** Accepts `x.y` (a point release) and captures major and minor. */
const pointRelease = /^(\d+)\.(\d+)$/;
/** The leading `x.y` of a package version (`6.2-4`, `8.4.1`, `9.0.3`). */
const leadingRelease = /^(\d+)\.(\d+)/;
/** The PVE 5 form: `release` holds the package *release* (`"1"`), not a point release. */
const packageReleaseOnly = /^\d+$/;

/**
 * `GET /version`. PVE 5 sends `{version: "5.2", release: "1"}` (release is the package release);
 * PVE 6 sends `{version: "6.2-4", release: "6.2"}`; PVE 7+ sends `{version: "8.4.1",
 * release: "8.4"}`. The output always has `release` = the `x.y` point release, `version` = the
 * full package version (`5.2-1` for the PVE 5 form), and numeric `major`/`minor`.
 * `keyboard` (dropped after PVE 6) and `console` (datacenter.cfg) are optional.
 */
export const versionSchema = v.pipe(
  shapeSchema(versionShape),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const raw = dataset.value;
    let { version, release } = raw;
    if (packageReleaseOnly.test(release) && pointRelease.test(version)) {
      // PVE 5: the point release is in `version`, the package release in `release`.
      version = `${version}-${release}`;
      release = raw.version;
    }
    const match = pointRelease.exec(release) ?? leadingRelease.exec(version);
    if (!match) {
      addIssue({
        message: `Unrecognised version form: version ${JSON.stringify(raw.version)}, release ${JSON.stringify(raw.release)}`,
        path: [{ type: 'object', origin: 'value', input: raw, key: 'release', value: raw.release }],
      });
      return NEVER;
    }
    const major = Number(match[1]);
    const minor = Number(match[2]);
    return { ...raw, version, release: `${major}.${minor}`, major, minor };
  }),
);

/** What `version()` resolves to; see {@link versionSchema}. */
export type PveVersion = v.InferOutput<typeof versionSchema>;
