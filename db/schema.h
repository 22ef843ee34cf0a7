/* schema.h: the store's schema as a list of forward migrations.
 *
 * bd_schema_migrations[i] takes a store from PRAGMA user_version i to i+1;
 * a new store runs them all.  A released migration is never edited: a
 * change to the schema is a new entry at the end. */
#ifndef BD_SCHEMA_H
#define BD_SCHEMA_H

extern const char *const bd_schema_migrations[];
extern const int bd_schema_nmigrations;

#endif
