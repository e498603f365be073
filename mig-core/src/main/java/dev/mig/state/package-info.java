/**
 * The new database's own bookkeeping: its status row, its schema identity, the stored plan, copy
 * cursors, the replay checkpoint, the ID mapping and the migration history. Everything a resumed or
 * later mig process needs is here, committed together with the data it describes.
 */
package dev.mig.state;
