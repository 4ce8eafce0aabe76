/** SQL of the poverty-reduction models. */
package vn.giamngheo.models.persistence;
