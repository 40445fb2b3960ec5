/**
 * The command line: one small picocli class per subcommand, shared option mixins, exit codes.
 * Commands parse options, call the core, print results to stdout and return an exit code;
 * they hold no data-format, feature or modelling logic.
 */
package dev.trollwatch.cli;
