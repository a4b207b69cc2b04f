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
});
