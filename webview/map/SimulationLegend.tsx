// What the simulation on the map shows, over its top right corner: the
// instant and totals, whether the numbers are out of date (the journey
// changed and could not be simulated again), and whose path is highlighted.
import type { SimulationOverlay } from '../../src/webviewProtocol';
import { iconChar } from '../icons';

export function SimulationLegend(props: { overlay: SimulationOverlay }) {
  const { overlay } = props;
  const contact = overlay.contact;
  return (
    <div className={`simulation-legend${overlay.stale ? ' stale' : ''}`} role="status" aria-label="Simulation">
      {overlay.stale && (
        <div className="legend-row">
          <span className="codicon-glyph" aria-hidden="true">{iconChar('warning')}</span> The numbers are out of date
        </div>
      )}
      {contact && (
        <div className="legend-row legend-path" data-contact={contact.id}>
          <span className="legend-swatch" aria-hidden="true" /> Path of {contact.label ?? contact.id}
        </div>
      )}
    </div>
  );
}
