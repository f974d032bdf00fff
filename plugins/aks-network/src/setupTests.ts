import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The cards render MUI trees that take a while on a shared CI core: give findBy* room.
configure({ asyncUtilTimeout: 5000 });
