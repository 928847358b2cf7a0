// Placeholder: the aggregate is being written.
export {};
