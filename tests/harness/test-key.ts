// The archive key tests open their archives with: fixed, so a failing test's files can be opened by
// hand, and never a key any real archive has (real keys come from the vault, at random).
import { archiveKeyFrom } from '../../electron/store/cipher';

export const TEST_KEY_HEX = 'a11ce5ec0ffee0ddba11ad0be5ca1ab1ec0de0fa11ba5eba11b0a710adcafe00';
export const TEST_KEY = archiveKeyFrom(Buffer.from(TEST_KEY_HEX, 'hex'));
