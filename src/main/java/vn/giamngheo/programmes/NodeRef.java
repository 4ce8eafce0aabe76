package vn.giamngheo.programmes;

/**
 * A node of the catalogue named by its programme and its code ({@code GNBV-2021-2025},
 * {@code DA3.TDA2}).
 *
 * @param programme the programme code
 * @param node the node code
 */
public record NodeRef(String programme, String node) {
}
