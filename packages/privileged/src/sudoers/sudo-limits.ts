/**
 * The longest argument regular expression sudo accepts. sudo 1.9.13's `sudo_regex_compile`
 * refuses longer ones ("regular expression too large", lib/util/regex.c) when it matches a
 * command, although `visudo -c` passes them: a longer rule would silently allow nothing.
 */
export const sudoRegexMaxLength = 1024;
