package vn.giamngheo.standards.domain;

/**
 * A threshold that differs between rural and urban areas.
 *
 * @param rural rural value (nông thôn)
 * @param urban urban value (thành thị)
 */
public record AreaThreshold(Threshold rural, Threshold urban) {

	public Threshold of(boolean urbanArea) {
		return urbanArea ? this.urban : this.rural;
	}

	AreaThreshold unverified() {
		return new AreaThreshold(this.rural.unverified(), this.urban.unverified());
	}

}
