/** The HTTP scoring server, a drop-in for the 2019 Flask API. */
package dev.trollwatch.serve;
