/**
 * SQL of the programmes capability: outputs counted from the benefit ledger and the
 * models, and the entered programme outputs.
 */
package vn.giamngheo.programmes.persistence;
