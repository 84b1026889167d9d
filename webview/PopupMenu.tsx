// A keyboard-friendly popup menu: the palette of point types behind "+",
// the trigger types of a new starting point. Type to filter, arrows to move,
// Enter to choose, Escape to close; grouped items with codicons.
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { iconChar } from './icons';

export interface MenuItem {
  id: string;
  label: string;
  icon: string;
  group?: string;
  description?: string;
}

export interface PopupMenuProps {
  title: string;
  items: MenuItem[];
  /** Where the menu opens, in page coordinates. */
  at: { x: number; y: number };
  onChoose(id: string): void;
  onClose(): void;
  /** Shown above the items (e.g. which branch the point goes on). */
  header?: ReactNode;
}

export function PopupMenu(props: PopupMenuProps) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(props.at);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? props.items.filter((i) => i.label.toLowerCase().includes(f) || i.id.toLowerCase().includes(f)) : props.items;
  }, [filter, props.items]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [filter]);
  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPosition({ x: Math.max(4, Math.min(props.at.x, window.innerWidth - width - 4)), y: Math.max(4, Math.min(props.at.y, window.innerHeight - height - 4)) });
  }, [props.at]);

  const choose = (item: MenuItem | undefined) => {
    if (item) props.onChoose(item.id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(shown.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') choose(shown[active]);
    else if (e.key === 'Escape') props.onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  let lastGroup: string | undefined;
  return (
    <>
      <div className="popup-scrim" onPointerDown={props.onClose} />
      <div ref={box} className="palette" role="dialog" aria-label={props.title} style={{ left: position.x, top: position.y }} onKeyDown={onKeyDown}>
        <div className="palette-title">{props.title}</div>
        {props.header}
        <input
          ref={input}
          className="palette-filter"
          placeholder="Type to filter"
          aria-label={`Filter ${props.title.toLowerCase()}`}
          aria-controls="palette-items"
          aria-activedescendant={shown[active] ? `palette-item-${shown[active]!.id}` : undefined}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ul id="palette-items" className="palette-items" role="listbox" aria-label={props.title}>
          {shown.map((item, i) => {
            const heading = item.group !== lastGroup ? item.group : undefined;
            lastGroup = item.group;
            return (
              <li key={item.id} role="presentation">
                {heading && <div className="palette-group" aria-hidden="true">{heading}</div>}
                <div
                  id={`palette-item-${item.id}`}
                  role="option"
                  aria-selected={i === active}
                  className={`palette-item${i === active ? ' active' : ''}`}
                  data-id={item.id}
                  onPointerEnter={() => setActive(i)}
                  onClick={() => choose(item)}
                >
                  <span className="codicon-glyph palette-icon" aria-hidden="true">{iconChar(item.icon)}</span>
                  <span className="palette-label">{item.label}</span>
                  {item.description && <span className="palette-description">{item.description}</span>}
                </div>
              </li>
            );
          })}
          {shown.length === 0 && <li className="palette-empty">Nothing matches “{filter}”</li>}
        </ul>
      </div>
    </>
  );
}
