// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditField } from './EditField';

afterEach(cleanup);

describe('EditField', () => {
  it('Esc reverts the typed text and commits nothing (also not on the blur that follows)', () => {
    const onCommit = vi.fn(() => null);
    const { getByTestId } = render(<EditField id="x" label="X" value="2023" onCommit={onCommit} testId="f" />);
    const input = getByTestId('f') as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: '2024' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('2023');
  });

  it('Esc after a refused value clears the error', () => {
    const onCommit = vi.fn((t: string) => (t.length !== 4 ? 'bad' : null));
    const { getByTestId, queryByRole } = render(<EditField id="x" label="X" value="2023" onCommit={onCommit} testId="f" />);
    const input = getByTestId('f') as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: '23' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(queryByRole('alert')?.textContent).toBe('bad');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(queryByRole('alert')).toBeNull();
    expect(onCommit).toHaveBeenCalledTimes(1);
  });

  it('Enter commits once, and the blur after it does not commit again', () => {
    const onCommit = vi.fn(() => null);
    const { getByTestId } = render(<EditField id="x" label="X" value="a" onCommit={onCommit} testId="f" />);
    const input = getByTestId('f') as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: 'b' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith('b');
  });

  // issue 15 (17): "1.7万" typed over 17000 means the same value: nothing is written and the field shows 17000 again
  it('a text that means the value already there is not committed, and the field shows the value again', () => {
    const onCommit = vi.fn(() => null);
    const normalize = (t: string): string | null => (t === '1.7万' ? '17000' : /^\d+$/.test(t) ? t : null);
    const { getByTestId } = render(<EditField id="x" label="X" value="17000" onCommit={onCommit} normalize={normalize} testId="f" />);
    const input = getByTestId('f') as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: '1.7万' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('17000');
    fireEvent.change(input, { target: { value: '18000' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith('18000');
  });
});
