/**
 * Identity rules in plain Java: how an account's scope follows its units across the 2025
 * reform ({@link vn.giamngheo.identity.domain.ScopeSuccession}).
 */
package vn.giamngheo.identity.domain;
